import type { SchoolDistrict, SchoolDistrictSource } from '@kumamoto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

/** The signed-in resident's district, as GET/PUT /api/me/school-district answer. */
export interface ResidentDistrictView {
  district: SchoolDistrict | null;
  source: SchoolDistrictSource | null;
  canChoose: boolean;
}

/** Per person under ['me', …] so sign-out drops it; the list is public. */
export const schoolDistrictKeys = {
  mine: ['me', 'school-district'],
  list: ['school-districts'],
} as const;

export function useMySchoolDistrict() {
  return useQuery({
    queryKey: schoolDistrictKeys.mine,
    queryFn: () => api<ResidentDistrictView>('GET', '/api/me/school-district'),
  });
}

export function useSchoolDistrictList(enabled: boolean) {
  return useQuery({
    queryKey: schoolDistrictKeys.list,
    queryFn: async () =>
      (await api<{ districts: SchoolDistrict[] }>('GET', '/api/school-districts')).districts,
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useChooseSchoolDistrict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<ResidentDistrictView>('PUT', '/api/me/school-district', { code }),
    onSuccess: (view) => queryClient.setQueryData(schoolDistrictKeys.mine, view),
  });
}
